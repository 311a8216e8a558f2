import type { Repository } from '../storage/repository.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store on the server's database instead of process memory, so the
 * sign-in limits hold across restarts and across several instances behind a load balancer.
 * The plugin constructs the store itself, hence a class made per repository.
 */
export function repositoryRateLimitStore(repo: Repository) {
  return class RepositoryRateLimitStore {
    incr(key: string, cb: Callback, timeWindow: number): void {
      try {
        const { count, ttlMs } = repo.hitCounter(key, timeWindow, Date.now());
        cb(null, { current: count, ttl: ttlMs });
      } catch (err) {
        cb(err as Error);
      }
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      try {
        const { count, ttlMs } = repo.readCounter(key, timeWindow, Date.now());
        cb(null, { current: count, ttl: ttlMs });
      } catch (err) {
        cb(err as Error);
      }
    }

    child(): RepositoryRateLimitStore {
      return this;
    }
  };
}
