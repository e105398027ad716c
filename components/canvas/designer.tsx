"use client";
// The workflow designer: one editor instance (stores, React Flow, server data cache) around the
// workspace. Everything below reads the instance from context, so two designers never mix.
import "@xyflow/react/dist/style.css";
import "./designer.css";
import { useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import type { WorkflowEditorData } from "@/lib/workflows/contract";
import { EditorProvider } from "./store/context";
import { DesignerWorkspace } from "./designer-workspace";

export function Designer({ data }: { data: WorkflowEditorData }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  const readOnly = data.access === "viewer";
  return (
    <QueryClientProvider client={queryClient}>
      <EditorProvider workflowId={data.id} init={{ nodes: data.nodes, edges: data.edges, revision: data.revision, readOnly }}>
        <ReactFlowProvider>
          <DesignerWorkspace data={data} />
        </ReactFlowProvider>
      </EditorProvider>
    </QueryClientProvider>
  );
}
