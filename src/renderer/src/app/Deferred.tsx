import { Component, Suspense, type ReactNode } from 'react';

/** What stands in while a lazily loaded part of the app is fetched: announced, not silent. */
export function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="muted deferred-loading">
      {label}
    </p>
  );
}

interface BoundaryProps {
  /** "the tray", "Settings": what is loading (or could not be shown), in the agent's words. */
  what: string;
  children: ReactNode;
}

/**
 * A chunk can fail to load (the host was rebuilt and restarted under an open page, say): that
 * part says so and offers a reload instead of the whole window going blank.
 */
class LoadFailed extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="deferred-failed">
        <p>Callside could not show {this.props.what}.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

/** A lazily loaded part of the app: a loading state while it comes, a way out if it never does. */
export function Deferred({ what, children }: BoundaryProps) {
  return (
    <LoadFailed what={what}>
      <Suspense fallback={<Loading label={`Loading ${what}…`} />}>{children}</Suspense>
    </LoadFailed>
  );
}
