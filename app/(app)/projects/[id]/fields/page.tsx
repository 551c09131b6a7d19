import type { Metadata } from "next";
import { Suspense } from "react";
import { FieldsStep } from "@/components/fields/FieldsStep";

export const metadata: Metadata = { title: "Fields" };

export default async function FieldsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <FieldsStep projectId={id} />
    </Suspense>
  );
}
