/** A short failure message, announced at once. Never given stack text (see lib/errors.ts). */
export function Alert({ message, className }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`alert ${className ?? ''}`}>
      {message}
    </p>
  );
}
