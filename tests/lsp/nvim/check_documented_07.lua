-- Run after docs/integrations/neovim.md's Neovim 0.7 block, loaded as init.lua, has attached rhetlint to
-- the draft given on the command line: wait for its diagnostics, open a second draft of the same project,
-- wait for that one's, and record how many rhetlint servers run. Writes JSON to RHETLINT_NVIM_OUT.

local out_path = assert(os.getenv("RHETLINT_NVIM_OUT"), "set RHETLINT_NVIM_OUT")
local second = assert(os.getenv("RHETLINT_NVIM_SECOND"), "set RHETLINT_NVIM_SECOND")
local report = { nvim = tostring(vim.version().major) .. "." .. tostring(vim.version().minor) }

local function diagnostics(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ""
    table.insert(found, { lnum = d.lnum, col = d.col, text = string.sub(line, d.col + 1, d.end_col) })
  end
  table.sort(found, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return found
end

local function wait_for(bufnr)
  if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    error("no diagnostics arrived for " .. vim.api.nvim_buf_get_name(bufnr))
  end
  return diagnostics(bufnr)
end

local ok, err = pcall(function()
  local first = vim.api.nvim_get_current_buf()
  report.filetype = vim.bo[first].filetype
  report.first = wait_for(first)
  vim.cmd("edit " .. vim.fn.fnameescape(second))
  report.second = wait_for(vim.api.nvim_get_current_buf())
  report.clients = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    table.insert(report.clients, { name = client.name, root_dir = client.config.root_dir })
  end
end)
if not ok then report.error = tostring(err) end
local file = assert(io.open(out_path, "w"))
file:write(vim.fn.json_encode(report))
file:close()
vim.cmd("qall!")
