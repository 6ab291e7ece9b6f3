// playground-engine.js: the connection to the playground's worker
// (playground-worker.js), which keeps the database between calls.
import { WorkerClient } from "./client.js";

export { stopped } from "./client.js";

// PlaygroundEngine asks the worker to do op with args (their ArrayBuffers
// in transfer are moved, not copied) and resolves with its reply.
export class PlaygroundEngine extends WorkerClient {
  call(op, args = {}, transfer = []) {
    return this.send({ op, ...args }, transfer);
  }
}
