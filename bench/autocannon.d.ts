// autocannon ships no types; the bench uses only its promise API and reads latency/non2xx.
declare module 'autocannon' {
  interface Result {
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    requests: { total: number };
  }
  export default function autocannon(options: Record<string, unknown>): Promise<Result>;
}
