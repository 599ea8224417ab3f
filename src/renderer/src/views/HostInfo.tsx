import type { AppInfo } from '../../../shared/contract/channels';

const HOST_LABELS: Record<AppInfo['hostKind'], string> = {
  electron: 'Desktop app',
  browser: 'Browser host',
  cli: 'Command line',
};

/** What support asks first: which build, which host, where the data lives. */
export function HostInfo({ info }: { info: AppInfo }) {
  return (
    <section className="card" aria-labelledby="host-info-title">
      <h2 id="host-info-title">About this Callside</h2>
      <dl className="facts" aria-label="App information">
        <dt>Version</dt>
        <dd data-testid="app-version">{info.version}</dd>
        <dt>Running as</dt>
        <dd data-testid="host-kind">{HOST_LABELS[info.hostKind]}</dd>
        <dt>Platform</dt>
        <dd>{info.platform}</dd>
        <dt>Data folder</dt>
        <dd className="mono">{info.dataDir}</dd>
        <dt>Electron binary</dt>
        <dd data-testid="electron-binary">
          {info.electronBinary.present ? 'Present' : 'Not installed'}
          <span className="muted"> — {info.electronBinary.detail}</span>
        </dd>
      </dl>
    </section>
  );
}
