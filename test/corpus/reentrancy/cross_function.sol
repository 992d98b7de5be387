// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Exchange {
    mapping(address => uint256) public balances;
    bool private locked;

    modifier nonReentrant() {
        require(!locked, "locked");
        locked = true;
        _;
        locked = false;
    }

    function deposit() external payable { balances[msg.sender] += msg.value; }

    function transfer(address to, uint256 amount) external {
        require(balances[msg.sender] >= amount, "balance");
        balances[to] += amount;
        balances[msg.sender] -= amount;
    }

    function withdrawAll() external nonReentrant {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}(""); // @vulnerable: reentrancy
        require(ok, "send");
        balances[msg.sender] = 0;
    }
}
