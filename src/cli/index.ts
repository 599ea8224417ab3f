#!/usr/bin/env node
import { resolveDataDir } from '../core/platform/data-dir';
import { APP_VERSION } from '../core/platform/version';
import { accountCommand } from './commands/account';
import { doctorCommand } from './commands/doctor';
import { leadCommand, leadsCommand, popCommand } from './commands/leads';
import { metricsCommand } from './commands/metrics';
import { noteCommand } from './commands/note';
import { outboxCommand } from './commands/outbox';
import { sandboxCommand } from './commands/sandbox';
import { serveCommand } from './commands/serve';
import { syncCommand } from './commands/sync';
import { tagCommand } from './commands/tag';
import { createContext, type CommandContext } from './context';
import { createOutput, reportError, UsageError } from './output';

type Command = (ctx: CommandContext) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  account: {
    run: accountCommand,
    summary: 'account add --api v1|v2 --uid UID [--base-url URL] [--timezone TZ] | show | remove',
  },
  sync: { run: syncCommand, summary: 'sync [--full]               sends queued changes, then pulls the account' },
  leads: {
    run: leadsCommand,
    summary: 'leads [--group ID] [--tag TITLE] [--search TEXT] [--limit N]   leads from the cache',
  },
  lead: { run: leadCommand, summary: 'lead LEAD_ID                one lead with its notes and history' },
  pop: { run: popCommand, summary: 'pop PHONE                   the lead with this phone number (screen pop)' },
  tag: { run: tagCommand, summary: 'tag add|remove LEAD_ID TAG...   tags a lead (TAG: id or exact title)' },
  note: { run: noteCommand, summary: 'note add LEAD_ID TEXT       adds a note to a lead' },
  outbox: {
    run: outboxCommand,
    summary: 'outbox [retry ID | discard ID]   queued and rejected changes',
  },
  metrics: { run: metricsCommand, summary: 'metrics [--date YYYY-MM-DD]   the team dashboard for a day' },
  sandbox: {
    run: sandboxCommand,
    summary: 'sandbox [--port N] [--seed N] [--leads N]   the provider simulators, with demo credentials',
  },
  serve: {
    run: serveCommand,
    summary: 'serve [--port N] [--demo] [--demo-port N]   the app in a browser, on 127.0.0.1',
  },
  doctor: { run: doctorCommand, summary: 'doctor [--json]             checks this machine and the data directory' },
};

const USAGE = [
  'usage: callside [--data-dir DIR] <command> [options]',
  '',
  ...Object.values(COMMANDS).map((command) => `  ${command.summary}`),
  '',
  '  --version                   prints the version',
].join('\n');

/**
 * Global options come before the command (`callside --data-dir X doctor`), but they are also
 * accepted after it, because that is how people type them.
 */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  try {
    const { dataDirFlag, rest } = takeDataDir(argv);
    if (rest.includes('--version') || rest[0] === 'version') {
      process.stdout.write(json ? `${JSON.stringify({ version: APP_VERSION })}\n` : `callside ${APP_VERSION}\n`);
      return 0;
    }
    const [name, ...args] = rest;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return name === undefined ? 2 : 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}". Run \`callside help\`.`);
    return await command.run(createContext(resolveDataDir(dataDirFlag), createOutput(json), args));
  } catch (error) {
    return reportError(error, json);
  }
}

function takeDataDir(argv: string[]): { dataDirFlag: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDirFlag: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--data-dir') {
      dataDirFlag = argv[i + 1];
      if (dataDirFlag === undefined) throw new UsageError('--data-dir needs a directory.');
      i += 1;
    } else if (arg.startsWith('--data-dir=')) {
      dataDirFlag = arg.slice('--data-dir='.length);
    } else {
      rest.push(arg);
    }
  }
  return { dataDirFlag, rest };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error, false);
  },
);
