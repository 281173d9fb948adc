import type { PbxConfigInput } from "./input";

// Accounts the generator tests share: the seed's Mango Office example with digest both ways,
// and an IP-trust account with outbound off.

export const platform = { domain: "livekit-sip.example.com:5060", ips: ["78.47.123.164:5060", "78.47.123.165"] };

export const digestBothWays: PbxConfigInput = {
  account: {
    id: "cm0account0000000000mango",
    accountName: "Mango Office",
    sipServerAddress: "vpbx400312852.mangosip.ru:5070",
    sipTransport: "tcp",
    allowedInboundIps: ["1.2.3.4", "10.0.0.0/24"],
    outboundUsername: "livekit-out",
    outboundPasswordSet: true,
    // `;` starts a comment in pjsip.conf and `&` needs escaping in XML: both must survive.
    inboundUsername: "pbx;in&<x>",
    inboundPasswordSet: true,
  },
  platform,
  numbers: ["+71234567890", "+74951234567"],
};

export const ipTrustInboundOnly: PbxConfigInput = {
  account: {
    id: "cm0account00000000000ZZTOP",
    accountName: "Ящик -- 2",
    sipServerAddress: null,
    sipTransport: "auto",
    allowedInboundIps: ["1.2.3.4"],
    outboundUsername: null,
    outboundPasswordSet: false,
    inboundUsername: null,
    inboundPasswordSet: false,
  },
  platform,
  numbers: [],
};
