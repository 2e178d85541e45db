// Function tests run whole cloud invocations (and the 50-way concurrency test) on a 2-core
// machine; jest's per-project testTimeout is not honoured inside `projects`, so it is set here.
jest.setTimeout(30_000);
