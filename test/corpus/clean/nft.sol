// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract SimpleNft {
    mapping(uint256 => address) private _owners;
    mapping(address => uint256) private _balances;
    mapping(uint256 => address) private _approvals;
    address public immutable minter;
    uint256 public nextId;
    event Transfer(address indexed from, address indexed to, uint256 indexed id);
    error NotAuthorized();
    error ZeroAddress();

    constructor() { minter = msg.sender; }

    function balanceOf(address o) external view returns (uint256) { return _balances[o]; }
    function ownerOf(uint256 id) public view returns (address) { return _owners[id]; }
    function getApproved(uint256 id) external view returns (address) { return _approvals[id]; }

    function approve(address to, uint256 id) external {
        if (ownerOf(id) != msg.sender) revert NotAuthorized();
        _approvals[id] = to;
    }

    function mint(address to) external {
        if (msg.sender != minter) revert NotAuthorized();
        if (to == address(0)) revert ZeroAddress();
        uint256 id = nextId++;
        _owners[id] = to;
        _balances[to] += 1;
        emit Transfer(address(0), to, id);
    }

    function transferFrom(address from, address to, uint256 id) external {
        if (ownerOf(id) != from || (msg.sender != from && _approvals[id] != msg.sender)) revert NotAuthorized();
        if (to == address(0)) revert ZeroAddress();
        delete _approvals[id];
        _balances[from] -= 1;
        _balances[to] += 1;
        _owners[id] = to;
        emit Transfer(from, to, id);
    }
}
