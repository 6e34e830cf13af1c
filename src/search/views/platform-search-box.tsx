/**
 * The search box on the platform's front page: searches every agency's published information (`/search`).
 * A plain GET form, so it works without JavaScript.
 */
export function PlatformSearchBox() {
  return (
    <form method="get" action="/search" role="search" aria-label="全平台检索" class="search-form">
      <div class="field">
        <label for="platform-search-q">检索全平台政府信息</label>
        <p class="hint" id="platform-search-q-hint">
          输入至少两个字的检索词、文号或索引号，如 仲政[2025]3号。
        </p>
        <input
          id="platform-search-q"
          name="q"
          type="search"
          maxLength={100}
          aria-describedby="platform-search-q-hint"
        />
      </div>
      <button type="submit">检索</button>
    </form>
  );
}
