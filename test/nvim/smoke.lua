-- Headless Neovim smoke test: a second LSP editor attaches the server over stdio (node server/out/server.js
-- --stdio) to a copy of the seed sample in a temporary folder (the client's root, so the server's workspace),
-- waits for its diagnostics and requests a hover on a total cell; then the workspace diagnostics: a report in the
-- folder that is never opened gets its problems, follows changes on disk (the server watches the folder itself:
-- Neovim 0.7 cannot) and loses them when deleted. Exits non-zero on any failure. Run by test/nvim/run.sh
-- (npm run test:nvim):
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/smoke.lua'
local repo = vim.fn.getcwd()
local failures = 0
local function out(s) io.stdout:write(s .. '\n') end
local function check(name, ok, detail)
  if ok then out('PASS  ' .. name) else failures = failures + 1; out('FAIL  ' .. name .. (detail and ('\n      ' .. detail) or '')) end
end
local function finish()
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  if failures > 0 then out(failures .. ' check(s) failed'); vim.cmd('cquit 1') else out('all checks passed'); vim.cmd('qall!') end
end

local function readFile(path)
  local f = assert(io.open(path, 'rb'))
  local text = f:read('*a')
  f:close()
  return text
end
local function writeFile(path, text)
  local f = assert(io.open(path, 'wb'))
  f:write(text)
  f:close()
end

local workspace = vim.fn.tempname()
local unopened = workspace .. '/departments/mistakes-2024.xxgk.yaml'

-- The problems Neovim holds for a file that has no loaded buffer (publishDiagnostics adds an unloaded one).
local function unopenedCodes()
  local buf = vim.fn.bufnr(unopened)
  local codes = {}
  if buf < 0 then return codes end
  for _, d in ipairs(vim.diagnostic.get(buf)) do codes[d.code] = true end
  return codes
end
local function count(t) local n = 0; for _ in pairs(t) do n = n + 1 end; return n end

local function workspaceDiagnostics()
  local got = vim.wait(60000, function() return unopenedCodes()['T3-ROW-TOTAL'] ~= nil end, 50)
  check('workspace: an unopened report’s problems arrive (T3-ROW-TOTAL)', got)
  local buf = vim.fn.bufnr(unopened)
  check('workspace: its buffer is not loaded (never opened)', buf >= 0 and not vim.api.nvim_buf_is_loaded(buf))
  -- Fixed on disk: the server's own watcher notices and checks it again.
  local text = readFile(unopened)
  local fixed = text:gsub('%[61, 9, 1, 0, 3, 1, 76%]', '[61, 9, 1, 0, 3, 1, 75]')
  check('workspace: the mistakes sample has the wrong total to fix', fixed ~= text)
  writeFile(unopened, fixed)
  got = vim.wait(30000, function() local c = unopenedCodes(); return c['T3-ROW-TOTAL'] == nil and count(c) > 0 end, 50)
  check('workspace: changed on disk, checked again (T3-ROW-TOTAL gone, the rest stay)', got)
  os.remove(unopened)
  got = vim.wait(30000, function() return count(unopenedCodes()) == 0 end, 50)
  check('workspace: deleted on disk, its problems cleared', got)
end

local ok, err = pcall(function()
  package.path = repo .. '/test/nvim/?.lua;' .. package.path
  require('xxgk').setup({ cmd = { 'node', repo .. '/server/out/server.js', '--stdio' } })

  vim.fn.mkdir(workspace .. '/departments', 'p')
  writeFile(workspace .. '/seed-zhangying-2023.xxgk.yaml', readFile(repo .. '/samples/seed-zhangying-2023.xxgk.yaml'))
  writeFile(unopened, readFile(repo .. '/samples/county-dept-2024-mistakes.xxgk.yaml'))
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/seed-zhangying-2023.xxgk.yaml'))
  local buf = vim.api.nvim_get_current_buf()

  local attached = vim.wait(30000, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 50)
  check('server attached over stdio', attached)
  if not attached then return end

  -- Diagnostics: the seed report's known defects, with rule ids as codes and source xxgk.
  local got = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local diags = vim.diagnostic.get(buf)
  check('diagnostics published (' .. #diags .. ')', got and #diags > 0)
  local byCode = {}
  for _, d in ipairs(diags) do byCode[d.code] = byCode[d.code] or d end
  for _, code in ipairs({ 'DATE-BEFORE-PERIOD-END', 'STR-PARTS', 'T3-SHAPE', 'FEE-SHAPE', 'TXT-DOUBLED' }) do
    local d = byCode[code]
    check('diagnostic ' .. code, d ~= nil and d.source == 'xxgk', d and ('source=' .. tostring(d.source)) or 'not published')
  end
  local date = byCode['DATE-BEFORE-PERIOD-END']
  check('DATE-BEFORE-PERIOD-END points at 落款日期 (line 9)', date ~= nil and date.lnum == 8 and date.severity == vim.diagnostic.severity.ERROR,
    date and ('line ' .. (date.lnum + 1) .. ', severity ' .. date.severity) or nil)

  -- Hover on the written 总计 of 本年新收 (the last element of its flow sequence).
  local lnum
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:match('^%s*本年新收:') then lnum = i; break end
  end
  check('found the 本年新收 row', lnum ~= nil)
  if not lnum then return end
  local line = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]
  local col = line:find('%d%]%s*$') -- byte index of the total (last number before ']')
  vim.api.nvim_win_set_cursor(0, { lnum, col - 1 })
  local params = vim.lsp.util.make_position_params() -- converts the byte column to UTF-16 for the server
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 30000) or {}
  local text = ''
  for _, r in pairs(responses) do
    if r.result and r.result.contents then
      local lines = vim.lsp.util.convert_input_to_markdown_lines(r.result.contents)
      text = text .. table.concat(lines, '\n')
    end
  end
  check('hover on the 本年新收 total answers', #text > 0)
  -- What a clerk needs from it: the official label of the row, the identity the total obeys, the computed value.
  local function has(s) return text:find(s, 1, true) ~= nil end
  check('hover shows the official row label', has('一、本年新收政府信息公开申请数量') and has('总计'), text)
  check('hover shows the row identity', has('总计 = 自然人 + 商业企业'), text)
  check('hover shows the computed value', has('计算值'), text)

  workspaceDiagnostics()
end)
if not ok then check('smoke test ran without a Lua error', false, tostring(err)) end
vim.fn.delete(workspace, 'rf')
finish()
