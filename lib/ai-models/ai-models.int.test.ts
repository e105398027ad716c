// AI models in settings on the real database: seeded once from the built-in table without
// overwriting an admin's edit, managed by admins only with clear field errors, offered to the
// canvas when enabled, and priced from the table at run time (lib/ai/pricing.ts costOf).
import { beforeAll, describe, expect, it } from "vitest";
import { PermissionError } from "@/lib/auth/errors";
import { costOf } from "@/lib/ai/pricing";
import { actor } from "@/lib/workflows/test-fixtures";
import { AiModel } from "@/models/AiModel";
import { seedRows } from "./seed";
import { saveAiModel, setAiModelEnabled, aiModelsFor } from "./service";
import { ensureSeeded, offeredModels, priceTable } from "./store";

const admin = actor(["admin"]);
const designer = actor(["designer"]);
const form = (over: Record<string, unknown> = {}) => ({ name: "GPT-4o mini", provider: "openai", modelId: "gpt-4o-mini", inputPerMillion: "0.15", outputPerMillion: "0.6", enabled: true, ...over });

describe("AI models and prices", () => {
  beforeAll(() => AiModel.init());

  it("is seeded with today's table, readable, one document per provider and model", async () => {
    const rows = await aiModelsFor(admin);
    expect(rows).toHaveLength(seedRows().length);
    const doc = await AiModel.findById("openai:gpt-4o").lean();
    expect(doc).toMatchObject({ name: "gpt-4o", provider: "openai", modelId: "gpt-4o", inputPerMillion: 2.5, outputPerMillion: 10, enabled: true, updatedBy: "seed" });
    // A local model's price is not known: stored as null, not as a free $0.
    expect(await AiModel.findById("openai-compatible:llama3.2").lean()).toMatchObject({ inputPerMillion: null, outputPerMillion: null });
  });

  it("refuses everyone but admins, for reading and for writing", async () => {
    await expect(aiModelsFor(designer)).rejects.toThrow(PermissionError);
    await expect(saveAiModel(designer, { mode: "create", model: form({ modelId: "gpt-9" }) })).rejects.toThrow("Only admins can change the AI models");
    await expect(setAiModelEnabled(actor(["manager"]), { id: "openai:gpt-4o", enabled: false })).rejects.toThrow(PermissionError);
    expect(await AiModel.findById("openai:gpt-9").lean()).toBeNull();
  });

  it("answers bad input with errors on the fields, and saves nothing", async () => {
    const bad = await saveAiModel(admin, { mode: "create", model: form({ modelId: "gpt 9", inputPerMillion: "-1", outputPerMillion: "lots", name: "" }) });
    expect(bad).toMatchObject({ ok: false, message: "Check the highlighted fields." });
    if (bad.ok) throw new Error("expected a refusal");
    expect(bad.errors?.modelId?.[0]).toMatch(/no spaces/);
    expect(bad.errors?.inputPerMillion).toEqual(["Input price cannot be negative"]);
    expect(bad.errors?.outputPerMillion?.[0]).toMatch(/Output price must be a number of dollars/);
    expect(bad.errors?.name).toEqual(["Name is required"]);

    const wrongProvider = await saveAiModel(admin, { mode: "create", model: form({ modelId: "gemini-2.5-pro" }) });
    expect(wrongProvider.ok ? null : wrongProvider.errors?.modelId?.[0]).toMatch(/belongs to Google Gemini, not OpenAI/);
    const taken = await saveAiModel(admin, { mode: "create", model: form() });
    expect(taken.ok ? null : taken.errors?.modelId?.[0]).toBe('openai already has a model "gpt-4o-mini"; edit that one instead');
    const junk = await saveAiModel(admin, null);
    expect(junk).toMatchObject({ ok: false });
    const moved = await saveAiModel(admin, { mode: "edit", id: "openai:gpt-4o", model: form({ modelId: "gpt-4o-2" }) });
    expect(moved).toMatchObject({ ok: false, message: expect.stringContaining("cannot change") });
    expect(await AiModel.countDocuments({})).toBe(seedRows().length);
  });

  it("adds and edits models; a price edit survives seeding again and prices runs at once", async () => {
    const added = await saveAiModel(admin, { mode: "create", model: form({ name: "GPT-9", modelId: "gpt-9", inputPerMillion: "$3", outputPerMillion: "" }) });
    expect(added).toMatchObject({ ok: true, model: { id: "openai:gpt-9", inputPerMillion: 3, outputPerMillion: null, enabled: true } });

    const edited = await saveAiModel(admin, { mode: "edit", id: "openai:gpt-4o-mini", model: form({ name: "GPT-4o mini (ours)", inputPerMillion: "1", outputPerMillion: "4" }) });
    expect(edited).toMatchObject({ ok: true, model: { name: "GPT-4o mini (ours)", inputPerMillion: 1, outputPerMillion: 4 } });
    await ensureSeeded({ again: true });
    expect(await AiModel.findById("openai:gpt-4o-mini").lean()).toMatchObject({ inputPerMillion: 1, outputPerMillion: 4, updatedBy: admin.id });

    // costOf with the table the runtime uses: 1M in × $1 + 1M out × $4.
    const table = await priceTable();
    expect(costOf("openai", "gpt-4o-mini", 1_000_000, 1_000_000, table)).toEqual({ cost: 5, priced: true });
    // Without an output price the model is "price unknown", as a model missing from the table.
    expect(costOf("openai", "gpt-9", 1_000, 1_000, table)).toEqual({ cost: 0, priced: false });
  });

  it("offers only enabled models to the AI steps; a disabled model keeps its price", async () => {
    expect((await offeredModels()).openai).toContain("gpt-4o");
    const off = await setAiModelEnabled(admin, { id: "openai:gpt-4o", enabled: false });
    expect(off).toMatchObject({ ok: true, message: "gpt-4o is no longer offered in AI steps." });
    expect((await offeredModels()).openai).not.toContain("gpt-4o");
    expect(costOf("openai", "gpt-4o", 1_000_000, 0, await priceTable())).toEqual({ cost: 2.5, priced: true });
    expect(await setAiModelEnabled(admin, { id: "openai:nope", enabled: true })).toMatchObject({ ok: false, message: expect.stringContaining("does not exist") });
    expect(await setAiModelEnabled(admin, { id: 5, enabled: "yes" })).toMatchObject({ ok: false });
  });
});
