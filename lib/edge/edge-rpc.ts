import "server-only";

// The SIP edge's JSON-RPC (Kamailio's jsonrpcs over xhttp), on its loopback RPC port
// (SIP_EDGE_RPC_URL). One client for every caller: registrations, the routing cache, the
// PBX probe.

type RpcAnswer = { result?: unknown; error?: { code: number; message: string } };

export class EdgeRpcError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
  ) {
    super(message);
  }
}

const RPC_TIMEOUT_MS = 5_000;

/** The method's result; EdgeRpcError with the edge's code when it refused, with null when it did not answer. */
export async function edgeRpc(rpcUrl: string, method: string, params: unknown[] = [], timeoutMs = RPC_TIMEOUT_MS): Promise<unknown> {
  let answer: RpcAnswer;
  try {
    const res = await fetch(rpcUrl, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }), signal: AbortSignal.timeout(timeoutMs) });
    answer = (await res.json()) as RpcAnswer;
  } catch (err) {
    // The browser is told only that the edge did not answer; the log says how.
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    console.warn(`[edge-rpc] ${method}: no answer from the SIP edge: ${(err as Error).name}: ${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`);
    throw new EdgeRpcError("The SIP edge did not answer.", null);
  }
  if (answer.error) throw new EdgeRpcError(`${method}: ${answer.error.message}`, answer.error.code);
  return answer.result;
}
