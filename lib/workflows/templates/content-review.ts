// Content review: the AI writes a first draft, an editor rewrites and approves it, and the
// approved text is published to a CMS over HTTP; a failed publish is reported, not lost.
import { link, step, type WorkflowTemplate } from "./build";

export const contentReviewTemplate: WorkflowTemplate = {
  id: "content-review",
  name: "Content review",
  description: "AI drafts an article, an editor edits and approves it, and it is published through an HTTP call.",
  tags: ["content", "approval"],
  category: "marketing",
  build: () => ({
    nodes: [
      step("start", "start", [0, 0], "Article request", {
        fields: [
          { name: "topic", label: "Topic", type: "string", required: true },
          { name: "audience", label: "Audience", type: "string", required: true },
          { name: "requester", label: "Requester email", type: "string", required: true },
        ],
      }),
      step("draft", "ai", [1, 0], "Draft the article", {
        provider: "simulated",
        model: "simulated",
        systemPrompt: "You are a clear, friendly writer. Write short paragraphs without jargon.",
        promptTemplate: "Write a 300-word article about {{ $input.topic }} for {{ $input.audience }}.",
        temperature: 0.7,
        maxTokens: 1_500,
        outputMode: "text",
      }),
      step("review", "human", [2, 0], "Edit and approve", {
        titleTemplate: "Review the article about {{ $input.topic }}",
        descriptionTemplate: "The AI draft:\n\n{{ $nodes.draft.text }}",
        candidateRoles: ["approver"],
        candidateUsers: [],
        formFields: [
          { name: "finalText", label: "Final text", kind: "textarea", required: true, min: 50 },
        ],
        priority: "medium",
        dueInMinutes: 1_440,
      }),
      step("publish", "action", [3, 0], "Publish to the CMS", {
        method: "POST",
        url: "https://cms.example.com/api/articles",
        headers: [{ key: "Content-Type", value: "application/json" }],
        // $string of an object gives JSON with every quote escaped, whatever the editor wrote.
        body: '{{ $string({"title": $input.topic, "audience": $input.audience, "body": $nodes.review.values.finalText}) }}',
        timeoutMs: 30_000,
        retries: 2,
      }),
      step("end_published", "end", [4, 0], "Published", {
        outputMapping: [{ key: "published", expression: "true" }],
      }),
      step("notify_failed", "notification", [4, 1], "Tell the requester: publish failed", {
        channel: "in_app",
        recipients: ["{{ $input.requester }}"],
        subjectTemplate: "Publishing failed",
        bodyTemplate: "The approved article about {{ $input.topic }} could not be published. Please publish it by hand.",
      }),
      step("end_not_published", "end", [5, 2], "Not published", {
        outputMapping: [{ key: "published", expression: "false" }],
      }),
    ],
    edges: [
      link("start", "draft"),
      link("draft", "review", { handle: "out" }),
      link("review", "publish", { handle: "approve", label: "Approve" }),
      link("review", "end_not_published", { handle: "reject", label: "Reject" }),
      link("publish", "end_published", { handle: "success", label: "Published" }),
      link("publish", "notify_failed", { handle: "error", label: "Failed" }),
      link("notify_failed", "end_not_published"),
    ],
  }),
};
