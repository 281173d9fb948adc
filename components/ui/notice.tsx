export type Notice = { tone: "ok" | "error"; text: string };

/** The outcome of the last action: a status line, or an alert when it went wrong. */
export function NoticeLine({ notice }: { notice: Notice }) {
  return (
    <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" : "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"}>
      {notice.text}
    </p>
  );
}
