import { describe, expect, it } from "vitest";
import { renderTemplate, variablesFromAttributes, variablesFromMetadata } from "./variables";

describe("renderTemplate", () => {
  it("fills each {{variable}}, whatever the case of its name and the spaces inside the braces", () => {
    expect(renderTemplate("Hello {{first_name}}, your order {{ Order }} ships today.", { first_name: "Ada", order: "A-17" })).toBe("Hello Ada, your order A-17 ships today.");
    expect(renderTemplate("Hi {{X-Customer-Name}}.", { "x-customer-name": "Margaret" })).toBe("Hi Margaret.");
  });

  it("renders a missing variable as nothing, never as the braces, and tidies the gap it leaves", () => {
    expect(renderTemplate("Hello {{first_name}}, welcome to the bakery.", {})).toBe("Hello, welcome to the bakery.");
    expect(renderTemplate("Your code is {{code}}.", {})).toBe("Your code is.");
    expect(renderTemplate("Welcome {{name}}!", {})).toBe("Welcome!");
    expect(renderTemplate("{{ }} and {{not a name}} go too", {})).toBe("and go too");
    expect(renderTemplate("Dear {{title}} {{last}}, hi", { last: "Smith" })).toBe("Dear Smith, hi");
  });

  it("leaves text without placeholders exactly as it is, line breaks included", () => {
    const text = "You are a receptionist.\n  Be brief,  kind.";
    expect(renderTemplate(text, { a: "b" })).toBe(text);
    expect(renderTemplate("Line {{a}}\nLine two", { a: "one" })).toBe("Line one\nLine two");
  });

  it("does not render a value's own braces as a placeholder again", () => {
    expect(renderTemplate("Hi {{name}}.", { name: "{{secret}}" })).toBe("Hi {{secret}}.");
  });
});

describe("call variables", () => {
  it("takes the batch row's text values from the job metadata", () => {
    expect(variablesFromMetadata({ First_Name: "Ada", visits: 3, vip: true, nested: { a: 1 } })).toEqual({ first_name: "Ada", visits: "3", vip: "true" });
    expect(variablesFromMetadata("nope")).toEqual({});
    expect(variablesFromMetadata(null)).toEqual({});
  });

  it("takes passed SIP headers from the participant's attributes, and nothing else", () => {
    expect(variablesFromAttributes({ "sb.header.X-Customer-Name": "Margaret\r\nInjected: yes", "sip.callID": "abc", "sip.h.x-other": "no" })).toEqual({ "x-customer-name": "Margaret  Injected: yes" });
  });
});
