export function PublicPage() {
  return <div>PublicPage</div>;
}
