// A message that something went wrong, announced as it appears; nothing when there is none.
export function ErrorNotice({ error, testId }: { error: string | null | undefined; testId?: string }) {
  if (!error) return null;
  return (
    <p className="notice notice--error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}
