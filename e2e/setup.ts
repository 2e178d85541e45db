// Browser journeys take seconds, not milliseconds (jest's per-project testTimeout is not honoured
// inside `projects`, so it is set here).
jest.setTimeout(90_000);
