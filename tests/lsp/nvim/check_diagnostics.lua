-- Attach `rhetlint lsp` to a draft in headless Neovim (0.7 or newer) and record what Neovim itself stores:
-- the diagnostics (byte columns, converted by Neovim from the negotiated position encoding), the text
-- under each, a hover, and the buffer after applying the "Replace ..." quick fix with Neovim's own
-- workspace-edit code. The result is written as JSON for tests/test_lsp_nvim.py to check.
--
--   RHETLINT_NVIM_DRAFT=draft.md RHETLINT_NVIM_OUT=out.json \
--     nvim --headless --clean -u NONE -c "luafile tests/lsp/nvim/check_diagnostics.lua"
--
-- RHETLINT_NVIM_CMD (a JSON list) overrides the server command, ["rhetlint", "lsp"] by default.

local draft = assert(os.getenv("RHETLINT_NVIM_DRAFT"), "set RHETLINT_NVIM_DRAFT")
local out_path = assert(os.getenv("RHETLINT_NVIM_OUT"), "set RHETLINT_NVIM_OUT")
local cmd = { "rhetlint", "lsp" }
if os.getenv("RHETLINT_NVIM_CMD") then
  cmd = vim.fn.json_decode(os.getenv("RHETLINT_NVIM_CMD"))
end

local report = { nvim = tostring(vim.version().major) .. "." .. tostring(vim.version().minor) }

local function finish()
  local file = assert(io.open(out_path, "w"))
  file:write(vim.fn.json_encode(report))
  file:close()
  vim.cmd("qall!")
end

local function stored(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ""
    table.insert(found, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      text = string.sub(line, d.col + 1, d.end_col), source = d.source, message = d.message,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    })
  end
  table.sort(found, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return found
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "rhetlint", cmd = cmd, root_dir = vim.fn.fnamemodify(draft, ":p:h"),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    error("no diagnostics arrived")
  end
  local client = vim.lsp.get_client_by_id(client_id)
  report.offset_encoding = client.offset_encoding
  report.diagnostics = stored(bufnr)

  -- hover and code actions at the first diagnostic
  local first = vim.diagnostic.get(bufnr)[1]
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.lnum < first.lnum or (d.lnum == first.lnum and d.col < first.col) then first = d end
  end
  -- Neovim stores byte columns; convert them back to the negotiated units with Neovim's own function
  local function position(row, col)
    return { line = row, character = vim.lsp.util.character_offset(bufnr, row, col, client.offset_encoding) }
  end
  local lsp_diagnostic = {
    range = { start = position(first.lnum, first.col), ["end"] = position(first.end_lnum, first.end_col) },
    message = first.message, source = first.source, code = report.diagnostics[1].code,
  }
  report.first_range = lsp_diagnostic.range
  local uri = vim.uri_from_bufnr(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", {
    textDocument = { uri = uri }, position = lsp_diagnostic.range.start,
  }, 10000)
  report.hover = hover[client_id].result.contents.value

  local actions = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
    textDocument = { uri = uri }, range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }, 10000)
  report.actions = {}
  local replace
  for _, action in ipairs(actions[client_id].result or {}) do
    table.insert(report.actions, action.title)
    if string.find(action.title, "^Replace") then replace = action end
  end
  vim.lsp.util.apply_workspace_edit(replace.edit, client.offset_encoding)
  report.fixed_line = vim.api.nvim_buf_get_lines(bufnr, first.lnum, first.lnum + 1, false)[1]

  -- Neovim sends the edit as didChange; wait for the server's new diagnostics
  local before = #report.diagnostics
  if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == before - 1 end, 20) then
    error("diagnostics did not update after the edit")
  end
  report.after_edit = stored(bufnr)
end)
if not ok then report.error = tostring(err) end
finish()
