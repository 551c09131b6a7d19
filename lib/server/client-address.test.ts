import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, installClientAddressHook, limitKeyOf, UNKNOWN_CLIENT } from "./client-address";

let server: Server | undefined;
let uninstall: (() => void) | undefined;
afterEach(async () => {
  uninstall?.();
  uninstall = undefined;
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
});

/** A loopback server that answers with the address clientAddress() reads from the request. */
async function serve(): Promise<number> {
  server = createServer((req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    res.end(clientAddress(headers));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** One GET from the given local address with the given headers. */
function get(port: number, localAddress: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/", localAddress, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("client address", () => {
  it("is the socket's address, whatever X-Forwarded-For or a forged stamp says", async () => {
    uninstall = installClientAddressHook({ trustProxy: false });
    const port = await serve();
    expect(await get(port, "127.0.0.2")).toBe("127.0.0.2");
    expect(await get(port, "127.0.0.3", { "x-forwarded-for": "10.9.9.9", [CLIENT_ADDRESS_HEADER]: "forged 10.9.9.9" })).toBe("127.0.0.3");
  });

  it("with TRUST_PROXY, is the last X-Forwarded-For entry (the one the proxy appended)", async () => {
    uninstall = installClientAddressHook({ trustProxy: true });
    const port = await serve();
    expect(await get(port, "127.0.0.2", { "x-forwarded-for": "10.9.9.9, 203.0.113.7" })).toBe("203.0.113.7");
    expect(await get(port, "127.0.0.2")).toBe("127.0.0.2");
  });

  it("is unknown without the hook, even when the request carries a stamp-like header", () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "anything 10.0.0.1" }))).toBe(UNKNOWN_CLIENT);
    uninstall = installClientAddressHook({ trustProxy: false });
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "wrong-stamp 10.0.0.1" })).toBe(UNKNOWN_CLIENT);
    expect(clientAddress({})).toBe(UNKNOWN_CLIENT);
  });
});

describe("the key sign-in limits count a client under", () => {
  it("is the /64 prefix of an IPv6 address, however it is written", () => {
    const forms = [
      "2001:db8:1:2::1",
      "2001:db8:1:2:ffff:ffff:ffff:fffe",
      "2001:0DB8:0001:0002:0000:0000:0000:0001",
      "2001:db8:1:2::1%eth0",
      " [2001:db8:1:2::7] ",
      "2001:db8:1:2:0:0:10.0.0.1",
    ];
    for (const form of forms) expect(limitKeyOf(form), form).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(limitKeyOf("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(limitKeyOf("::1")).toBe("0:0:0:0::/64");
    expect(limitKeyOf("1::2:3:4:5:6:7")).toBe("1:0:2:3::/64");
  });

  it("is the whole address for IPv4 and IPv4 mapped into IPv6, in any form", () => {
    for (const form of ["203.0.113.9", "::ffff:203.0.113.9", "::FFFF:cb00:7109", "0:0:0:0:0:ffff:203.0.113.9", "[::ffff:203.0.113.9]"]) {
      expect(limitKeyOf(form), form).toBe("203.0.113.9");
    }
    expect(limitKeyOf("203.0.113.10")).toBe("203.0.113.10");
  });

  it("is the text itself for what is not an address", () => {
    expect(limitKeyOf(UNKNOWN_CLIENT)).toBe(UNKNOWN_CLIENT);
    expect(limitKeyOf("2001:db8::1::2")).toBe("2001:db8::1::2");
  });
});
