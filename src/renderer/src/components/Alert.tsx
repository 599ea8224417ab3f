/**
 * A short failure message, announced at once. Never given stack text (see lib/errors.ts); the
 * technical wording, when there is one, is one click away rather than in the agent's face.
 */
export function Alert({
  message,
  detail,
  className,
}: {
  message: string | null | undefined;
  detail?: string | null | undefined;
  className?: string;
}) {
  if (!message) return null;
  if (!detail) {
    return (
      <p role="alert" className={`alert ${className ?? ''}`}>
        {message}
      </p>
    );
  }
  return (
    <div className={`alert ${className ?? ''}`}>
      <p role="alert">{message}</p>
      <details className="error-detail small">
        <summary>Technical detail</summary>
        <p className="mono">{detail}</p>
      </details>
    </div>
  );
}
