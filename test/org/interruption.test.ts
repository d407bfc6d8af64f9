import { INTERRUPTED, unlessInterrupted } from '../../src/org/apply/interruption';

const deferred = <T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } => {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('unlessInterrupted', () => {
  it('returns the result when nothing interrupts', async () => {
    await expect(unlessInterrupted(Promise.resolve(42), new AbortController().signal)).resolves.toBe(42);
  });

  it('stops waiting the moment the signal aborts, and hands the late result to abandon', async () => {
    const work = deferred<string>();
    const abort = new AbortController();
    const abandoned: string[] = [];
    const waiting = unlessInterrupted(work.promise, abort.signal, (r) => abandoned.push(r));
    abort.abort();
    await expect(waiting).resolves.toBe(INTERRUPTED);
    work.resolve('temporary folder');
    await work.promise;
    await new Promise((r) => setImmediate(r));
    expect(abandoned).toEqual(['temporary folder']);
  });

  it('an abandoned failure is swallowed, never an unhandled rejection', async () => {
    const work = deferred<string>();
    const abort = new AbortController();
    abort.abort();
    await expect(unlessInterrupted(work.promise, abort.signal)).resolves.toBe(INTERRUPTED);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    work.reject(new Error('connection reset'));
    await new Promise((r) => setImmediate(r));
    process.removeListener('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
