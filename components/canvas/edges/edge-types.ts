// React Flow's edgeTypes, at module scope so the map never changes identity.
import type { EdgeTypes } from "@xyflow/react";
import { WORKFLOW_EDGE } from "../types";
import { WorkflowEdge } from "./workflow-edge";

export const flowEdgeTypes: EdgeTypes = { [WORKFLOW_EDGE]: WorkflowEdge, default: WorkflowEdge };
