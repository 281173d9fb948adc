import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listSpacesOfUser } from "@/lib/spaces/service";

export const dynamic = "force-dynamic";

// The front door: signed-out users go to sign in, everyone else to their first Space.
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const spaces = await listSpacesOfUser(user.id);
  const first = spaces[0];
  if (!first) redirect("/spaces/new");
  redirect(`/s/${first.id}/phone-numbers`);
}
