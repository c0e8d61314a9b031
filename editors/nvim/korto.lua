-- Neovim setup for .korto checklists: the filetype and the cxkit language
-- server (diagnostics with quick fixes, format, outline, hover,
-- completion, go to definition, references, rename). Works with Neovim
-- 0.7 and later, without plugins. Put this file in ~/.config/nvim/lua/
-- and add require('korto') to init.lua; cxkit must be on PATH.
local M = {}

vim.filetype = vim.filetype or {}
vim.cmd([[autocmd BufRead,BufNewFile *.korto setfiletype korto]])

-- The comment markers of the language, for gc and friends.
vim.cmd([[autocmd FileType korto setlocal commentstring=//\ %s shiftwidth=2 expandtab]])

local function root(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then
    return vim.fn.fnamemodify(git, ':p:h:h')
  end
  return dir
end

local clients = {}

function M.attach(bufnr, cmd)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local dir = root(vim.api.nvim_buf_get_name(bufnr))
  local id = clients[dir]
  if not id then
    id = vim.lsp.start_client({
      name = 'cxkit',
      cmd = cmd or { 'cxkit', 'lsp' },
      root_dir = dir,
    })
    clients[dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

vim.cmd([[autocmd FileType korto lua require('korto').attach()]])

return M
