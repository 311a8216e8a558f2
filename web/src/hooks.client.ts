import { z } from 'zod';

// The Content-Security-Policy forbids eval (SECURITY.md "Headers"). zod probes for it with a
// caught `new Function("")`, which the browser still reports as a violation: run it jitless.
// Here, because Kit evaluates the client hooks before any page module builds a schema.
z.config({ jitless: true });
