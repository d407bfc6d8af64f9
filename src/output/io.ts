/** Where a command's output goes; tests pass a recorder, the binary passes the process streams. */
export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** An Io that keeps everything written, for tests and for embedding. */
export type RecordingIo = Io & { out: string[]; err: string[]; text: () => string };

export const recordingIo = (): RecordingIo => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    text: () => [...out, ...err].join('\n'),
  };
};
