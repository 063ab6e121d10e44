import pkg from '../package.json' with { type: 'json' };

/** The package version, reported in run.json, TMX headers and `--version`. */
export const VERSION: string = pkg.version;
