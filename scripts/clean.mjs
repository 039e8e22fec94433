// Stale outputs from renamed sources must not ship.
import { rmSync } from 'node:fs';
for (const dir of ['lib', 'dist']) rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
