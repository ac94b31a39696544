// What the CLI says for --help and after a usage error. Apart from main.ts so that --help
// answers without loading the core (zod alone is 750 kB of the bundle).
export const USAGE = `Cách dùng:
  npm run -s cli -- validate TỆP.xlsx [--json]
  npm run -s cli -- import TỆP.xlsx… --db CSDL.db [--dry-run] [--json]
  npm run -s cli -- export --db CSDL.db --out TỆP.xlsx [--unit TÊN] [--as-of 2025-07-01]
  npm run -s cli -- forms --db CSDL.db --out THƯ_MỤC [--unit TÊN]
  npm run -s cli -- completeness --db CSDL.db [--unit TÊN] [--json]
  npm run -s cli -- backup --db CSDL.db [--out TỆP.db]
  npm run -s cli -- restore --db CSDL.db --from TỆP.db
  npm run -s cli -- units apply BẢNG_CHUYỂN_ĐỔI.xlsx --db CSDL.db [--dry-run] [--json]
  npm run -s cli -- units rebase --db CSDL.db --as-of 2025-07-01 [--json]
  (import: thêm --force để ghi cả các tệp có xung đột; có thể đưa một thư mục thay cho danh sách tệp)`;
