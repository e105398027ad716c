// The workflow file format's name and version, written on export and checked on import.
export const EXPORT_FORMAT = "switchyard.workflow" as const;
/** Bump when a file written now could not be read by an older Switchyard. */
export const EXPORT_FORMAT_VERSION = 1;
