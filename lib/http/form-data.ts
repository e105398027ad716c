// A server action bound to a <form> receives FormData; a client calling the action by hand can
// send anything. This schema refuses what is not a form before anything reads from it.
import { z } from "zod";

export const formDataSchema = z.instanceof(FormData, { error: "expected the fields of a form" });
