/**
 * A file-system error as the end of a sentence for people: `cannot read scenario: no such file` rather than
 * `ENOENT`. Codes without a sentence here fall back to the error's own message.
 */
const SENTENCES: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory, not a file",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "the file name is too long",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EIO: "input/output error while reading the disk",
  EBUSY: "the file is busy",
  ENXIO: "no such device",
  ENODEV: "no such device",
  EINVAL: "the file cannot be read (invalid argument)",
  EAGAIN: "the file is not ready to be read (try again)",
  ERR_FS_FILE_TOO_LARGE: "the file is too large to read (over 2 GiB)",
  ERR_STRING_TOO_LONG: "the file is too large to read as text",
};

/** The reason an fs call failed, in words (`no such file`, `it is a directory, not a file`, …). */
export function fileErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && SENTENCES[code]) return SENTENCES[code];
  const message = e instanceof Error ? e.message : String(e);
  // Node's messages start with the code ("EROFS: read-only file system, open 'x'"): keep the words only
  const words = /^[A-Z][A-Z_]+: ([^,]+)/.exec(message);
  return words ? words[1] : message;
}
