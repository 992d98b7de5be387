// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Bank {
    mapping(address => uint256) public accounts;

    function deposit() external payable {
        accounts[msg.sender] += msg.value;
    }

    function withdraw(uint256 amount) external {
        require(accounts[msg.sender] >= amount, "insufficient");
        (bool ok, ) = msg.sender.call{value: amount}(""); // @vulnerable: reentrancy
        require(ok, "send failed");
        accounts[msg.sender] -= amount;
    }
}
