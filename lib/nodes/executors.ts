// Node type → executor, for the runtime. The pure types (start, end, set, decision, parallel,
// timer) run on the engine's built-in executors (lib/engine/builtins.ts); the others come from
// their folders (lib/nodes/<type>/executor.ts), and a folder's executor would win over a built-in.
import { builtinExecutors } from "@/lib/engine/builtins";
import type { ExecutorMap } from "@/lib/engine/executor";
import type { RuntimeServices } from "@/lib/runtime/services";
import { actionExecutor } from "./action/executor";
import { agentExecutor } from "./agent/executor";
import { aiExecutor } from "./ai/executor";
import { humanExecutor } from "./human/executor";
import { notificationExecutor } from "./notification/executor";
import { scriptExecutor } from "./script/executor";
import { subprocessExecutor } from "./subprocess/executor";

// The built-ins ignore ctx.services, so they run with any services type. Kept as the same
// function objects: the runtime recognises pure steps by them (lib/runtime/session.ts).
const builtins = builtinExecutors as unknown as ExecutorMap<RuntimeServices>;

export const executors: ExecutorMap<RuntimeServices> = {
  ...builtins,
  action: actionExecutor,
  ai: aiExecutor,
  agent: agentExecutor,
  human: humanExecutor,
  notification: notificationExecutor,
  script: scriptExecutor,
  subprocess: subprocessExecutor,
};
