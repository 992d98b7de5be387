// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Escrow {
    mapping(address => uint256) public funds;

    function deposit() external payable {
        funds[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(funds[msg.sender] >= amount, "insufficient");
        (bool ok, ) = msg.sender.call{value: amount}(""); // @vulnerable: reentrancy
        require(ok, "send failed");
        funds[msg.sender] -= amount;
    }
}
