-- Neovim config for xxgk-report's language server (the snippet docs/e2e.md documents; the smoke test loads it).
-- Attaches `xxgk-language-server --stdio` to every *.xxgk.yaml buffer. Keeps filetype yaml for highlighting and
-- tells the server the language id is xxgk. Works on Neovim 0.7 (Debian 12) and later.
--   require('xxgk').setup({ cmd = { 'xxgk-language-server', '--stdio' } })
local M = {}

function M.setup(opts)
  opts = opts or {}
  local config = {
    name = 'xxgk',
    cmd = opts.cmd or { 'xxgk-language-server', '--stdio' },
    get_language_id = function() return 'xxgk' end,
    init_options = opts.init_options,
  }
  local client_id
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    pattern = '*.xxgk.yaml',
    callback = function(args)
      local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
      if vim.lsp.start then -- Neovim 0.8+: reuses a running client with the same name and root
        vim.lsp.start(vim.tbl_extend('force', config, { root_dir = dir }), { bufnr = args.buf })
      else -- Neovim 0.7
        client_id = client_id or vim.lsp.start_client(vim.tbl_extend('force', config, { root_dir = dir }))
        vim.lsp.buf_attach_client(args.buf, client_id)
      end
    end,
  })
end

return M
