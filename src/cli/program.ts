import { Command, Option } from 'commander';
import { createRequire } from 'node:module';

export interface CliState {
  exitCode: number;
}

type Commands = typeof import('./commands.js');
/**
 * One command's implementation: through the launcher's loader when there is one (bin/spacecoop.js
 * runs the commands bundle with its own code cache), else as a module.
 */
const command = async <K extends keyof Commands['COMMANDS']>(name: K): Promise<Awaited<ReturnType<Commands['COMMANDS'][K]>>> => {
  const load = (globalThis as { __spacecoopLoad?: (name: string) => Commands }).__spacecoopLoad;
  const { COMMANDS } = load ? load('commands') : await import('./commands.js');
  return (await COMMANDS[name]()) as Awaited<ReturnType<Commands['COMMANDS'][K]>>;
};

const version = (): string => (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * The command table. Each action loads its command module only when it runs, so `--help` and
 * `draft` never pay for the interview, docx or the review rules.
 */
export function createProgram(state: CliState, only?: string): Command {
  const program = new Command('spacecoop')
    .description('Drafts first-pass bilateral space cooperation agreements with explicit provisions on jurisdiction and control, intellectual property, liability and dispute resolution.')
    .addHelpText(
      'after',
      `
Examples:
  spacecoop new                                   answer questions; writes agreement.yaml and agreement.md
  spacecoop draft agreement.yaml                  draft (or regenerate, keeping your edits) agreement.md
  spacecoop check agreement.md                    what counsel would flag
  spacecoop draft agreement.yaml --format docx    regenerate agreement.md, then a Word copy of it for review
  spacecoop draft agreement.yaml --lang zh        the Chinese authentic text, agreement.zh.md (zh among the languages)
  spacecoop export agreement.md --format docx     the draft as it stands, your edits included, as Word
  spacecoop import agreement.docx                 the reviewers' Word edits back into agreement.md
  spacecoop check their-draft.txt                 which Section 4.4 provisions their text leaves missing or vague
  spacecoop redline round1.md round2.md           what changed between two rounds
  spacecoop redline round1.md round2.md --format docx --out changes.docx   the same as Word tracked changes

Exit codes: 0 done, 1 review errors or merge conflicts, 2 bad input or usage.`,
    )
    .version(version(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s) });

  // A run names its command first (`spacecoop draft ...`): only that command is set up, which is
  // what start-up spends on the command table. Help, a typo or an option first set up all of them.
  const named = only !== undefined && Object.hasOwn(SUBCOMMANDS, only) ? [only] : Object.keys(SUBCOMMANDS);
  for (const name of named) SUBCOMMANDS[name]!(program, state);

  return program;
}

const clausesOption = () => new Option('--clauses <dir>', 'overlay your own clause files (<topic>/<variant>.hbs) on the built-in library');

/** Each command's definition, in the order `--help` lists them. */
const SUBCOMMANDS: Record<string, (program: Command, state: CliState) => void> = {
  draft: (program, state) => {
    program
      .command('draft')
      .description('draft the agreement from a terms file, without questions')
      .argument('<terms>', 'terms file (YAML)')
      .option('-o, --out <file>', 'output file, or - for stdout (default: beside the terms file, .md)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'docx', 'html']).default('md'))
      .option('--only <topic-or-clause>', 'regenerate only these clauses (topic or clause id); with an existing draft')
      .option('--no-notes', 'leave out the drafting notes (the copy for the other side)')
      .option('--toc', 'add a contents list after the title (a Markdown list, a Word TOC field); none by default')
      .option('--alternat <party>', 'write this party\'s copy: it is named first (the alternat)')
      .option('--dry-run', 'with an existing draft: print what regenerating would change, write nothing')
      .option('--force', 'with an existing draft: regenerate everything, discarding hand edits (a backup is written first)')
      .option('--draft <file>', 'with --format docx|html: the Markdown draft to regenerate and export from (default: beside the terms file)')
      .option('--overwrite', 'with --format docx|html: replace a Word or HTML file changed since spacecoop wrote it (a backup is kept)')
      .option('--lang <langs>', 'the authentic text to write: en (default) or zh (agreement.zh.md); zh,en with --format docx|html: both side by side')
      .addOption(clausesOption())
      .exitOverride()
      .action(async (terms: string, opts) => {
        const { runDraft } = await command('draft');
        state.exitCode = await runDraft(terms, opts);
      });
  },
  new: (program, state) => {
    program
      .command('new')
      .description('interview: answer questions, get a terms file and a draft')
      .option('--terms <file>', 'terms file to write, or to prefill every answer from if it exists', 'agreement.yaml')
      .option('-o, --out <file>', 'draft to write', 'agreement.md')
      .addOption(clausesOption())
      .exitOverride()
      .action(async (opts) => {
        const { runNew } = await command('new');
        state.exitCode = await runNew(opts);
      });
  },
  check: (program, state) => {
    program
      .command('check')
      .description("review a terms file, a draft, or the other side's text (the Section 4.4 scorecard); exit 1 on any error")
      .argument('<file>', 'terms file (.yaml), draft (.md), or any agreement text (.md, .txt, .docx)')
      .option('--json', 'print the findings as JSON')
      .addOption(clausesOption())
      .exitOverride()
      .action(async (file: string, opts) => {
        const { runCheck } = await command('check');
        state.exitCode = await runCheck(file, opts);
      });
  },
  export: (program, state) => {
    program
      .command('export')
      .description('the Markdown draft as it stands (your edits included) as Word or HTML')
      .argument('<draft>', 'Markdown draft (.md)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['docx', 'html']).makeOptionMandatory())
      .option('-o, --out <file>', 'output file, or - for stdout (default: beside the draft)')
      .option('--no-notes', 'leave out the drafting notes (the copy for the other side)')
      .option('--overwrite', 'replace a file changed since spacecoop wrote it (a backup is kept)')
      .exitOverride()
      .action(async (draft: string, opts) => {
        const { runExport } = await command('export');
        state.exitCode = await runExport(draft, opts);
      });
  },
  import: (program, state) => {
    program
      .command('import')
      .description("bring a reviewed Word file's edits, tracked changes and comments back into the Markdown draft")
      .argument('<docx>', 'the Word file spacecoop exported, as reviewed')
      .option('--into <draft>', 'the Markdown draft to merge into (default: the draft it was exported from, beside the Word file)')
      .option('--dry-run', 'report what would change, write nothing')
      .exitOverride()
      .action(async (docx: string, opts) => {
        const { runImport } = await command('import');
        state.exitCode = await runImport(docx, opts);
      });
  },
  redline: (program, state) => {
    program
      .command('redline')
      .description('changes between two drafts, article by article, as CriticMarkup or Word tracked changes')
      .argument('<old>', 'earlier draft (.md)')
      .argument('<new>', 'later draft (.md)')
      .option('-o, --out <file>', 'write the redline here instead of stdout')
      .addOption(new Option('-f, --format <format>', 'md (CriticMarkup) or docx (tracked changes; needs --out)').choices(['md', 'docx']).default('md'))
      .option('--author <name>', 'with --format docx: the author of the tracked changes', 'spacecoop')
      .option('--overwrite', 'replace a file changed since spacecoop wrote it (a backup is kept)')
      .exitOverride()
      .action(async (oldFile: string, newFile: string, opts) => {
        const { runRedline } = await command('redline');
        state.exitCode = await runRedline(oldFile, newFile, opts);
      });
  },
  clauses: (program, state) => {
    program
      .command('clauses')
      .description('the clause library: `clauses [TOPIC]` lists, `clauses show ID` prints one')
      .argument('[topic-or-show]', 'a topic to list, or `show`')
      .argument('[id]', 'with `show`: the clause id, e.g. liability/cross-waiver')
      .option('--lang <lang>', 'zh: the Chinese twins (titles, terms and text)')
      .addOption(clausesOption())
      .exitOverride()
      .action(async (first: string | undefined, id: string | undefined, opts) => {
        const { runClauses } = await command('clauses');
        state.exitCode = await runClauses(first, id, opts);
      });
  },
  schema: (program, state) => {
    program
      .command('schema')
      .description('print the JSON Schema of the terms file, for editor autocompletion')
      .addOption(clausesOption())
      .exitOverride()
      .action(async (opts) => {
        const { runSchema } = await command('schema');
        state.exitCode = await runSchema(opts);
      });
  },
  start: (program, state) => {
    program
      .command('start', { hidden: true })
      .description('what `npm start` runs: the interview in a terminal, else the example draft on stdout')
      .exitOverride()
      .action(async () => {
        const { runStart } = await command('start');
        state.exitCode = await runStart();
      });
  },
};
