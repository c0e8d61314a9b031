-- A real editor as the language server's client: Neovim's built-in LSP
-- client drives `cxkit lsp` over stdio. Run headless by
-- editors/nvim/test/run.sh, which passes the paths in the environment.
local cxkit = os.getenv('CXKIT')
local file = os.getenv('KORTO_FILE')
local failures = 0

local function check(ok, what)
  if ok then
    print('ok   ' .. what)
  else
    print('FAIL ' .. what)
    failures = failures + 1
  end
end

local function finish()
  if failures > 0 then
    vim.cmd('cquit 1')
  end
  vim.cmd('qall!')
end

local function main()
vim.cmd('edit ' .. file)
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'korto'
local client_id = vim.lsp.start_client({ name = 'cxkit', cmd = { cxkit, 'lsp' }, root_dir = vim.fn.fnamemodify(file, ':h') })
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)
check(vim.wait(10000, function() return client.initialized end, 20), 'the server initializes')

-- 1. Diagnostics: the file holds one mistake.
local function diags() return vim.diagnostic.get(bufnr) end
check(vim.wait(10000, function() return #diags() > 0 end, 20), 'diagnostics arrive on open')
local d = diags()[1]
check(d and d.code == 'when-unknown' and d.message:find('has_parkin', 1, true) ~= nil,
  'the diagnostic names the mistake: ' .. (d and (tostring(d.code) .. ': ' .. d.message) or 'none'))
check(d and d.source == 'cxkit', 'the diagnostic comes from cxkit')

-- 2. The quick fix of that diagnostic, applied, leaves no diagnostics.
local line = d.lnum
local actions = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, line) },
}, 5000, bufnr)
local action = actions and actions.result and actions.result[1]
check(action ~= nil and action.kind == 'quickfix', 'a quick fix is offered')
if action then
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
end
check(vim.wait(10000, function() return #diags() == 0 end, 20), 'the quick fix clears the diagnostics')

-- 3. Formatting: a line indented by hand is put back.
local first = vim.fn.search('^\\s*question has_parking ', 'n')
local text = vim.api.nvim_buf_get_lines(bufnr, first - 1, first, false)[1]
vim.api.nvim_buf_set_lines(bufnr, first - 1, first, false, { '\t\t' .. vim.trim(text) })
vim.lsp.buf.formatting_sync(nil, 5000)
local after = vim.api.nvim_buf_get_lines(bufnr, first - 1, first, false)[1]
check(after == text, 'formatting restores the indentation')

-- 4. Go to definition: from has_parking in a when to its question.
local use = vim.fn.search('when has_parking', 'n')
local col = vim.api.nvim_buf_get_lines(bufnr, use - 1, use, false)[1]:find('when has_parking', 1, true) + 5
local defs = client.request_sync('textDocument/definition', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = use - 1, character = col },
}, 5000, bufnr)
local loc = defs and defs.result and defs.result[1]
check(loc ~= nil and loc.range.start.line == first - 1, 'definition of has_parking is line ' .. first)

-- 5. Completion of an ID in a when typed at the end of a question.
local target = vim.fn.search('^\\s*question paths_clear ', 'n')
local qline = vim.api.nvim_buf_get_lines(bufnr, target - 1, target, false)[1]
vim.api.nvim_buf_set_lines(bufnr, target - 1, target, false, { qline .. ' when has_' })
local items = client.request_sync('textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = target - 1, character = vim.str_utfindex(qline .. ' when has_') },
}, 5000, bufnr)
local labels = {}
for _, it in ipairs((items and items.result and (items.result.items or items.result)) or {}) do
  labels[it.label] = true
end
check(labels['has_parking'] == true, 'completion in when offers has_parking')

-- 6. Hover shows the weight's share of the level.
local hov = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = use - 1, character = col },
}, 5000, bufnr)
local value = hov and hov.result and hov.result.contents and hov.result.contents.value or ''
check(value:find('unscored', 1, true) ~= nil, 'hover describes has_parking')

end

local ok, err = pcall(main)
check(ok, 'the script runs to its end' .. (ok and '' or (': ' .. tostring(err))))
finish()
