// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Ledger {
    mapping(address => uint256) public balance;

    function deposit() external payable { balance[msg.sender] += msg.value; } // @vulnerable: denial_of_service

    function move(address to, uint256 amount) external {
        unchecked {
            balance[msg.sender] -= amount; // @vulnerable: arithmetic
            balance[to] += amount; // @vulnerable: arithmetic
        }
    }
}
