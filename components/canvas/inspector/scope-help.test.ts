import { describe, expect, it } from "vitest";
import { bareNameWarnings, fieldsOf, rootNames } from "./scope-help";

describe("rootNames", () => {
  it("lists the names an expression reads from the data flowing in, once each", () => {
    expect(rootNames("amount > 100")).toEqual(["amount"]);
    expect(rootNames("$.amount > 100 and customer.tier = 'gold' and amount < 5")).toEqual(["amount", "customer"]);
    expect(rootNames("$sum(lines.total) > 10 ? big : small")).toEqual(["lines", "big", "small"]);
    expect(rootNames("{ 'a': x }.a")).toEqual(["x"]);
  });

  it("leaves out variables, later path steps, filters and lambda arguments", () => {
    expect(rootNames("$input.amount > 100 and $vars.limit < $nodes.fetch.total")).toEqual([]);
    expect(rootNames("items[price > 5].name")).toEqual(["items"]);
    expect(rootNames("$map(orders, function($o) { $o.total })")).toEqual(["orders"]);
  });

  it("says nothing about an expression that does not parse", () => {
    expect(rootNames("amount >")).toEqual([]);
  });
});

describe("bareNameWarnings", () => {
  const conditions = [{ path: "branches.0.condition", source: "amount > 100 and status = 'ok'" }];

  it("warns on a bare name the incoming data lacks, pointing to the run input when it has that field", () => {
    const warnings = bareNameWarnings(conditions, ["status", "body"], ["amount"], "“Look up customer”");
    expect(warnings).toEqual([
      {
        path: "branches.0.condition",
        name: "amount",
        message: "“amount” is not a field of the data coming from “Look up customer” (it has status, body), so it reads nothing. For the run's input field, write $input.amount.",
      },
    ]);
  });

  it("is silent when every name is there, or when the incoming data's shape is unknown", () => {
    expect(bareNameWarnings(conditions, ["amount", "status"], [], "x")).toEqual([]);
    expect(bareNameWarnings(conditions, null, ["amount"], "x")).toEqual([]);
  });

  it("reads fields only from objects", () => {
    expect(fieldsOf({ a: 1, b: 2 })).toEqual(["a", "b"]);
    expect(fieldsOf([1])).toBeNull();
    expect(fieldsOf("text")).toBeNull();
  });
});
