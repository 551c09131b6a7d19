import { describe, expect, it } from "vitest";
import { forbiddenAddressProblem } from "./addresses";

/** As the client sees a host: through the URL parser, which normalises every spelling. */
const problemOf = (url: string) => forbiddenAddressProblem(new URL(url).hostname);

describe("forbidden addresses", () => {
  it.each([
    ["http://169.254.169.254/", /metadata address \(169\.254\.169\.254\)/],
    ["http://2852039166/", /metadata address \(169\.254\.169\.254\)/],
    ["http://0xa9.0xfe.0xa9.0xfe/", /metadata address \(169\.254\.169\.254\)/],
    ["http://[::ffff:169.254.169.254]/", /IPv4-mapped .*169\.254\.169\.254/],
    ["http://[64:ff9b::169.254.169.254]/", /NAT64 .*169\.254\.169\.254/],
    ["http://[fd00:ec2::254]/", /metadata address \(fd00:ec2::254\)/],
    ["http://metadata.google.internal./", /metadata host name \(metadata\.google\.internal\)/],
    ["http://10.0.0.1/", /10\.0\.0\.0\/8/],
    ["http://172.31.255.255/", /172\.16\.0\.0\/12/],
    ["http://192.168.1.1/", /192\.168\.0\.0\/16/],
    ["http://100.64.0.1/", /100\.64\.0\.0\/10/],
    ["http://169.254.1.1/", /link-local .*169\.254\.0\.0\/16/],
    ["http://0.0.0.0/", /0\.0\.0\.0\/8/],
    ["http://[fc00::1]/", /fc00::\/7/],
    ["http://[fe80::1]/", /fe80::\/10/],
    ["http://[::]/", /unspecified/],
    ["http://[::ffff:7f00:1]/", /IPv4-mapped/],
  ])("%s is refused: %s", (url, why) => {
    expect(problemOf(url)).toMatch(why);
  });

  it.each(["https://graph.microsoft.com/", "http://127.0.0.1:3000/", "http://127.9.9.9/", "http://[::1]/", "http://8.8.8.8/", "http://172.32.0.1/", "https://[2606:4700::1]/"])(
    "%s is not (public, or loopback where the simulators run)",
    (url) => expect(problemOf(url)).toBeNull(),
  );
});
