import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { ZodWithoutEval } from "@/components/shell/ZodWithoutEval";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Entra ID → Port builder", template: "%s · Entra ID → Port builder" },
  description: "Bring Microsoft Entra ID into Port's software catalog",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each response a CSP nonce that Next
  // puts on its scripts, and a page prerendered at build time (the 404 page) would have none.
  await connection();
  return (
    <html lang="en">
      <body>
        <ZodWithoutEval />
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
