import { HttpError } from '../api/errors';
import type { ProcedureStarter, StartRequest } from '../workflows/module';

/**
 * A schedule's start of the procedure for its period (a quarter, a year): one already started is
 * no failure, the schedule fired twice or someone started it by hand. True when this start made it.
 */
export async function startOnce(starter: ProcedureStarter, request: StartRequest): Promise<boolean> {
  try {
    return (await starter.start(request)).created;
  } catch (err) {
    if (err instanceof HttpError && err.status === 409) return false;
    throw err;
  }
}
