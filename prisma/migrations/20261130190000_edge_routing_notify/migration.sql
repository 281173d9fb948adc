-- The SIP edge keeps the console's routing answers for a short while (kamailio.cfg,
-- route[INVITE]). Whatever those answers are made of (numbers, accounts and their allowlists,
-- Spaces and their suspension) announces its changes here, whichever process or statement
-- made them; the dispatcher listens and empties the edge's cache (dispatcher/edge-routing-cache.ts).
-- Statement-level: one notification per statement, however many rows it touched.
CREATE FUNCTION "edge_routing_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('edge_routing', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "phone_numbers_edge_routing" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "phone_numbers"
  FOR EACH STATEMENT EXECUTE FUNCTION "edge_routing_changed"();
-- Only the columns the answers read: a Verify or a rename of an account keeps the cache.
CREATE TRIGGER "sip_accounts_edge_routing" AFTER INSERT OR UPDATE OF "allowed_inbound_ips", "deleted_at" OR DELETE OR TRUNCATE ON "sip_accounts"
  FOR EACH STATEMENT EXECUTE FUNCTION "edge_routing_changed"();
CREATE TRIGGER "spaces_edge_routing" AFTER UPDATE OF "suspended_at" OR DELETE OR TRUNCATE ON "spaces"
  FOR EACH STATEMENT EXECUTE FUNCTION "edge_routing_changed"();
