// Refuses to run end-to-end tests against anything but a database on this machine: the tests
// create and delete users and Spaces freely.
export default function assertLocalDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the suite through scripts/test.sh");
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run e2e tests against a non-local database host: ${host}`);
  }
}
