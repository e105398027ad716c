// Every endpoint of /api/v1, in the order the documentation lists them. A route file serves
// one of these; the OpenAPI document is built from this list (a test checks that every route
// file's method and path is in it).
import type { Endpoint } from "../endpoint";
import { cancelRunEndpoint, getRunEndpoint, listRunsEndpoint, startRunEndpoint } from "./runs";
import { completeTaskEndpoint, listTasksEndpoint } from "./tasks";
import { getWorkflowEndpoint, listWorkflowsEndpoint } from "./workflows";

export const ENDPOINTS: readonly Endpoint<unknown, unknown, unknown, unknown>[] = [
  listWorkflowsEndpoint,
  getWorkflowEndpoint,
  startRunEndpoint,
  listRunsEndpoint,
  getRunEndpoint,
  cancelRunEndpoint,
  listTasksEndpoint,
  completeTaskEndpoint,
];
